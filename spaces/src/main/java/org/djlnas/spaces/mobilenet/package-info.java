/**
 * {@code mobilenet}: a MobileNet-style macro space of inverted-residual blocks (MobileNetV2,
 * MnasNet, FBNet, Once-for-All) for images of any size, where each stage's depth and each block's
 * kernel size, expansion ratio and squeeze-and-excitation are chosen: the space in which accuracy
 * and latency pull apart.
 */
@NullMarked
package org.djlnas.spaces.mobilenet;

import org.jspecify.annotations.NullMarked;
