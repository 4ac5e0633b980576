/** Cells: DAGs of layer choices (the NAS-Bench-201 and DARTS cells) and their compiled blocks. */
@NullMarked
package org.djlnas.api.cell;

import org.jspecify.annotations.NullMarked;
