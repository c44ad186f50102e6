/** The LWJGL 3 viewer: live and replay windows, headless screenshots. Only reads simulation state. */
package dev.racer.view;
