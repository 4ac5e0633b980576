/**
 * Data sets as plug-ins: a {@link org.djlnas.api.data.DataSourceProvider} opens a {@link
 * org.djlnas.api.data.DataSource} by id.
 */
@NullMarked
package org.djlnas.api.data;

import org.jspecify.annotations.NullMarked;
