/**
 * The operation library: plain DJL blocks for the NAS-Bench-201 and DARTS operations, with output
 * shapes computed arithmetically so blocks compose on any engine.
 */
@NullMarked
package org.djlnas.spaces.ops;

import org.jspecify.annotations.NullMarked;
