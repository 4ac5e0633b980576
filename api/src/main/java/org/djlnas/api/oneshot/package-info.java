/**
 * One-shot strategies (DARTS and its kin): a single supernet is trained, its architecture
 * parameters are read off as an architecture, and each epoch is checkpointed and journaled.
 */
package org.djlnas.api.oneshot;
