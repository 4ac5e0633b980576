package org.djlnas.api.engine;

/**
 * Locks for what a DJL engine keeps once per process, shared by every part of the program that
 * trains: hold them around the calls named below so trials, supernets and controllers running on
 * several threads do not collide.
 */
public final class EngineLocks {

    /**
     * Held while a {@code GradientCollector} is open: DJL's PyTorch engine allows one per process
     * and fails a second with "A PtGradientCollector is already collecting".
     */
    public static final Object GRADIENTS = new Object();

    /**
     * Held while seeding the engine's random generator ({@code Engine.setRandomSeed}) and drawing
     * from it (initialising parameters), so the seed a thread set is the one it draws with.
     */
    public static final Object RANDOM = new Object();

    private EngineLocks() {}
}
