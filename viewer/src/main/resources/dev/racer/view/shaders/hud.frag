#version 330 core
in vec2 vUv;
uniform sampler2D text;
out vec4 fragColor;

void main() {
    fragColor = texture(text, vUv);
}
