#version 330 core
// flat-coloured triangles: position [m] and colour per vertex (the same for a triangle's three vertices)
layout(location = 0) in vec3 position;
layout(location = 1) in vec3 color;
uniform mat4 mvp;
flat out vec3 vColor;

void main() {
    vColor = color;
    gl_Position = mvp * vec4(position, 1.0);
}
