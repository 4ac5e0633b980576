/** Rules that stop unpromising trials early from the objectives they report after each epoch. */
package org.djlnas.runtime.pruning;
