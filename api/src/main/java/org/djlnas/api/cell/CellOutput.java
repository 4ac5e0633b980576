package org.djlnas.api.cell;

/** What a cell returns. */
public enum CellOutput {
    /** The last intermediate node (NAS-Bench-201). */
    LAST_NODE,
    /** The intermediate nodes concatenated along the channel axis (DARTS). */
    CONCAT_INTERMEDIATE
}
