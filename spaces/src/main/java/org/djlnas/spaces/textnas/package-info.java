/**
 * The {@code textnas} space: token embeddings, then cells over the sequence whose edges choose
 * among 1-D convolutions, a recurrent layer, pooling, skip and zero, pooled over time into a
 * classifier (after TextNAS, Wang et al., AAAI 2020).
 */
@NullMarked
package org.djlnas.spaces.textnas;

import org.jspecify.annotations.NullMarked;
