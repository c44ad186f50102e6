#version 330 core
// style 0: the flat colour, exactly as the camera sensor's rasterizer draws it.
// style 1: the ground, its colour with a little world-space grain (asphalt, mown grass) and haze far away.
// style 2: solids (the cars, boxes): Blinn-Phong, a directional sun plus sky ambient, two-sided.
flat in vec3 vColor;
in vec3 vNormal;
in vec3 vWorld;
uniform int style;
uniform vec3 lightDir;     // towards the sun, unit
uniform vec4 eye;          // camera position (w = 1) or direction towards it (w = 0)
uniform vec3 grass;
uniform vec3 road;
uniform vec3 sky;
out vec4 fragColor;

float hash(vec2 p) {
    p = fract(p * vec2(123.34, 456.21));
    p += dot(p, p + 45.32);
    return fract(p.x * p.y);
}

float noise(vec2 p) {
    vec2 i = floor(p), f = fract(p);
    vec2 u = f * f * (3.0 - 2.0 * f);
    return mix(mix(hash(i), hash(i + vec2(1, 0)), u.x), mix(hash(i + vec2(0, 1)), hash(i + vec2(1, 1)), u.x), u.y);
}

vec3 toEye() {
    return eye.w > 0.5 ? eye.xyz - vWorld : eye.xyz;
}

vec3 haze(vec3 c) {
    if (eye.w < 0.5) {
        return c;
    }
    float d = length(eye.xyz - vWorld);
    return mix(c, sky, 0.55 * smoothstep(6.0, 30.0, d));
}

void main() {
    if (style == 0) {
        fragColor = vec4(vColor, 1.0);
        return;
    }
    if (style == 1) {
        vec3 c = vColor;
        vec2 p = vWorld.xy;
        if (distance(c, grass) < 0.02) {
            float n = 0.6 * noise(p * 1.7) + 0.4 * noise(p * 7.3);
            float blades = noise(p * 90.0);
            c *= 0.88 + 0.22 * n + 0.08 * (blades - 0.5);
        } else if (distance(c, road) < 0.02) {
            float grain = noise(p * 140.0) - 0.5, patch = noise(p * 2.3) - 0.5;
            c *= 1.0 + 0.10 * grain + 0.06 * patch;
        }
        fragColor = vec4(haze(c), 1.0);
        return;
    }
    vec3 n = normalize(vNormal);
    n = gl_FrontFacing ? n : -n;
    vec3 v = normalize(toEye());
    float diffuse = max(dot(n, lightDir), 0.0);
    float hemi = 0.5 + 0.5 * n.z;                           // more sky light on upward faces
    vec3 ambient = mix(vec3(0.22, 0.22, 0.20), vec3(0.42, 0.46, 0.52), hemi);
    vec3 h = normalize(lightDir + v);
    float spec = pow(max(dot(n, h), 0.0), 40.0) * (diffuse > 0.0 ? 0.45 : 0.0);
    vec3 c = vColor * (ambient + vec3(1.0, 0.97, 0.9) * 0.78 * diffuse) + vec3(spec);
    fragColor = vec4(haze(c), 1.0);
}
