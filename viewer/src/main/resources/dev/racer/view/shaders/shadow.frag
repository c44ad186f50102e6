#version 330 core
in vec2 vUv;
uniform float strength;
out vec4 fragColor;

void main() {
    // a rounded rectangle that fades out towards its rim
    vec2 q = abs(vUv);
    float d = length(max(q - vec2(0.55, 0.35), 0.0)) / 0.45;
    float a = strength * (1.0 - smoothstep(0.0, 1.0, d));
    fragColor = vec4(0.0, 0.0, 0.0, a);
}
