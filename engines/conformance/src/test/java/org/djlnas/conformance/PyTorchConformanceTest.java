package org.djlnas.conformance;

/** The conformance suite on PyTorch. */
class PyTorchConformanceTest extends EngineConformanceSuite {

    @Override
    protected String engineName() {
        return "PyTorch";
    }
}
