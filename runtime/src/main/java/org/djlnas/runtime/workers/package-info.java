/**
 * Worker processes: trials run in long-lived worker JVMs started by the driver, one trial at a time
 * each, with trial specs, intermediate reports and results exchanged as JSON lines.
 */
@NullMarked
package org.djlnas.runtime.workers;

import org.jspecify.annotations.NullMarked;
