package org.djlnas.runtime.data.text;

/**
 * One labelled text.
 *
 * @param text the text
 * @param label the index of its class
 * @param origin where it came from, for messages (a file, or a file and row)
 */
record Document(String text, int label, String origin) {}
