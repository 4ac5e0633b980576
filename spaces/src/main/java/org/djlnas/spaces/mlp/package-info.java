/**
 * Spaces for tables: {@code mlp}, a multi-layer perceptron of 1 to 4 hidden layers whose width,
 * activation, dropout and batch normalisation are chosen per layer, and its baseline {@code
 * linear}, a single linear layer (logistic regression for classification, linear regression for
 * regression).
 */
@NullMarked
package org.djlnas.spaces.mlp;

import org.jspecify.annotations.NullMarked;
