package org.djlnas.examples.zoo;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import java.nio.file.Path;

/**
 * Loads a model that {@code nas publish} wrote and classifies an image: a plain DJL program whose
 * only djl-nas dependency is the model-zoo jar. Run it with {@code -Dnas.zoo=ZOO} and the model's
 * name and an image file as arguments.
 */
public final class ClassifyImage {

    private ClassifyImage() {}

    /**
     * Classifies an image.
     *
     * @param args the model's name and an image file
     * @throws Exception if the model or the image cannot be loaded
     */
    public static void main(String[] args) throws Exception {
        Criteria<Image, Classifications> criteria =
                Criteria.builder()
                        .setTypes(Image.class, Classifications.class)
                        .optGroupId("org.djlnas.zoo")
                        .optArtifactId(args[0])
                        .build();
        Image image = ImageFactory.getInstance().fromFile(Path.of(args[1]));
        try (ZooModel<Image, Classifications> model = criteria.loadModel();
                Predictor<Image, Classifications> predictor = model.newPredictor()) {
            System.out.println(predictor.predict(image).topK(3));
        }
    }
}
