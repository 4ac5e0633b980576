package org.djlnas.zoo;

import ai.djl.MalformedModelException;
import ai.djl.repository.Artifact;
import ai.djl.repository.MRL;
import ai.djl.repository.zoo.BaseModelLoader;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Loads the versions of one model of a zoo folder with DJL's own loading steps (translator factory,
 * engine, block factory, weights), after checking that a version matches the criteria's filters: if
 * none does, the error names the filters and every published version.
 */
final class ZooModelLoader extends BaseModelLoader {

    /**
     * Creates the loader of one model.
     *
     * @param mrl the model's resource locator in a {@link ZooRepository}
     */
    ZooModelLoader(MRL mrl) {
        super(mrl);
    }

    @Override
    public <I, O> ZooModel<I, O> loadModel(Criteria<I, O> criteria)
            throws IOException, ModelNotFoundException, MalformedModelException {
        Map<String, String> filters = criteria.getFilters();
        if (mrl.match(filters) == null) {
            throw new ModelNotFoundException(
                    "model '"
                            + mrl.getArtifactId()
                            + "' in the zoo "
                            + mrl.getRepository().getName()
                            + " has no version matching the filters "
                            + filters
                            + "; its versions: "
                            + describe(mrl.listArtifacts()));
        }
        return super.loadModel(criteria);
    }

    private static String describe(List<Artifact> versions) {
        if (versions.isEmpty()) {
            return "none";
        }
        return versions.stream()
                .map(a -> a.getVersion() + " " + a.getProperties())
                .collect(Collectors.joining(", "));
    }
}
