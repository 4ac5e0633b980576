/**
 * A DJL model zoo of found architectures: publishing a trained network with its architecture,
 * weights and provenance in DJL's repository layout ({@link org.djlnas.zoo.ZooPublisher}), a {@link
 * ai.djl.repository.zoo.ZooProvider} through which any DJL program loads them with an ordinary
 * {@link ai.djl.repository.zoo.Criteria} ({@link org.djlnas.zoo.NasModelZoo}), listing ({@link
 * org.djlnas.zoo.ZooCatalog}), and single-file archives ({@link org.djlnas.zoo.ArchivePacker},
 * {@link org.djlnas.zoo.ArchiveImporter}).
 */
@NullMarked
package org.djlnas.zoo;

import org.jspecify.annotations.NullMarked;
