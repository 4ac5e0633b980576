package org.djlnas.api.data;

import ai.djl.ndarray.types.Shape;
import java.util.List;

/** A labelled data set a search trains on: what its examples look like and what they are. */
public interface DataSource {

    /**
     * Returns the data set's id.
     *
     * @return the id, for example {@code fashion-mnist}
     */
    String id();

    /**
     * Returns the shape of one example, without the batch axis.
     *
     * @return the shape, for example {@code (1, 28, 28)}
     */
    Shape inputShape();

    /**
     * Returns the names of the classes, in label order.
     *
     * @return the class names
     */
    List<String> classNames();
}
