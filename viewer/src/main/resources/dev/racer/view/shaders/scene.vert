#version 330 core
// triangles with a flat colour and a face normal each: position [m] in the model's frame, normal, colour
layout(location = 0) in vec3 position;
layout(location = 1) in vec3 color;
layout(location = 2) in vec3 normal;
uniform mat4 mvp;
uniform mat4 model;
flat out vec3 vColor;
out vec3 vNormal;
out vec3 vWorld;

void main() {
    vColor = color;
    vNormal = mat3(model) * normal;   // rotations and translations only: no inverse transpose needed
    vWorld = (model * vec4(position, 1.0)).xyz;
    gl_Position = mvp * vec4(position, 1.0);
}
