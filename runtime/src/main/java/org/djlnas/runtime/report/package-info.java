/**
 * Reports of a search: one self-contained HTML file (ECharts and the data inlined, cells drawn as
 * SVG) read from an experiment's journal, and the same charts as PNG files.
 */
@NullMarked
package org.djlnas.runtime.report;

import org.jspecify.annotations.NullMarked;
