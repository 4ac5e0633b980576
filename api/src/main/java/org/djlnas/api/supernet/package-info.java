/**
 * Supernets for one-shot search: spaces made of cells turn into one network whose every edge mixes
 * all candidate operations, weighted by architecture parameters kept apart from the network's
 * weights; {@link org.djlnas.api.supernet.Discretizer} turns those parameters back into an ordinary
 * architecture.
 */
package org.djlnas.api.supernet;
