/** Hand-designed baselines, as spaces without choices, to compare found networks against. */
package org.djlnas.spaces.baseline;
