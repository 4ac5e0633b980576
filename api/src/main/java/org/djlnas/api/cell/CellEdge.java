package org.djlnas.api.cell;

/**
 * One chosen edge of a cell: the operation applied to node {@code from} and summed into node {@code
 * to}. Nodes are numbered with the cell's inputs first.
 *
 * @param from the source node
 * @param to the target node
 * @param operation the chosen operation's name
 */
public record CellEdge(int from, int to, String operation) {}
