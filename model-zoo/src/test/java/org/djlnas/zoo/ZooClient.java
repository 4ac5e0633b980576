package org.djlnas.zoo;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain DJL program, run in a fresh JVM by {@link CrossEngineTest} with this module's runtime
 * class path and one engine: it loads a published model three ways and prints what it predicts.
 *
 * <p>Arguments: the model's name, the engine's name, an image file. The zoo folder comes from the
 * system property {@code nas.zoo}. Output lines: {@code engine NAME}, {@code group LOGITS…}, {@code
 * url LOGITS…}, {@code image PROBABILITIES…} (in class order) and {@code best CLASS}.
 */
public final class ZooClient {

    private ZooClient() {}

    /**
     * Runs the program.
     *
     * @param args the model's name, the engine's name, an image file
     * @throws Exception if anything fails
     */
    public static void main(String[] args) throws Exception {
        String name = args[0];
        String engine = args[1];
        Path zoo = Path.of(System.getProperty(NasModelZoo.LOCATION_PROPERTY));

        Criteria<NDList, NDList> byGroup =
                Criteria.builder()
                        .setTypes(NDList.class, NDList.class)
                        .optGroupId("org.djlnas.zoo")
                        .optArtifactId(name)
                        .optEngine(engine)
                        .build();
        try (ZooModel<NDList, NDList> model = byGroup.loadModel()) {
            System.out.println("engine " + model.getNDManager().getEngine().getEngineName());
            System.out.println("group " + join(logits(model)));
        }

        // DJL's own local zoo, by URL, with the only engine on the class path as the default
        Criteria<NDList, NDList> byUrl =
                Criteria.builder()
                        .setTypes(NDList.class, NDList.class)
                        .optModelUrls(zoo.toUri().toString())
                        .optArtifactId(name)
                        .build();
        try (ZooModel<NDList, NDList> model = byUrl.loadModel()) {
            System.out.println("url " + join(logits(model)));
        }

        Criteria<Image, Classifications> images =
                Criteria.builder()
                        .setTypes(Image.class, Classifications.class)
                        .optGroupId("org.djlnas.zoo")
                        .optArtifactId(name)
                        .optEngine(engine)
                        .build();
        Image image = ImageFactory.getInstance().fromFile(Path.of(args[2]));
        try (ZooModel<Image, Classifications> model = images.loadModel();
                Predictor<Image, Classifications> predictor = model.newPredictor()) {
            Classifications result = predictor.predict(image);
            List<Float> probabilities = new ArrayList<>();
            for (String className : result.getClassNames()) {
                probabilities.add((float) result.get(className).getProbability());
            }
            System.out.println("image " + join(probabilities));
            System.out.println("best " + result.best().getClassName());
        }
    }

    private static List<Float> logits(ZooModel<NDList, NDList> model) throws Exception {
        try (Predictor<NDList, NDList> predictor = model.newPredictor();
                NDManager manager = model.getNDManager().newSubManager()) {
            NDList input =
                    new NDList(manager.create(TestNetworks.images(4, 7), new Shape(4, 1, 28, 28)));
            List<Float> values = new ArrayList<>();
            for (float v : predictor.predict(input).singletonOrThrow().toFloatArray()) {
                values.add(v);
            }
            return values;
        }
    }

    private static String join(List<Float> values) {
        StringBuilder text = new StringBuilder();
        for (Float v : values) {
            text.append(text.length() == 0 ? "" : " ").append(v);
        }
        return text.toString();
    }
}
