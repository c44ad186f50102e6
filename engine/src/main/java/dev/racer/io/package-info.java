/**
 * Small file and JSON helpers every module shares: atomic writes ({@link AtomicFiles}), deleting a folder tree
 * ({@link FileTrees}), the one configured Jackson mapper ({@link Jsons}) and Racer's home folder
 * ({@link RacerHome}). Nothing here loads a native library.
 */
package dev.racer.io;
