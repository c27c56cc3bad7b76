package com.shopcare.complaints.engine;

/**
 * The root class loader of the DMN runtime, the second layer behind {@link PolicyFileScanner}: KIE resolves the
 * class of a Java external function (FEEL's {@code function(...) external {java: ...}} and a function definition of
 * kind Java) and its parameter types through it, and should such a function ever get past the scan, it must not
 * reach {@code System.exit}, a process, a file, the network or reflection.
 * <p>
 * The policy's models need no Java class at all: FEEL's built-in functions are KIE's own code, which KIE loads
 * through its own class loader, not this one. So this loader exposes nothing, and a function that names any class
 * fails. Exposing nothing rather than refusing a list means a dangerous class nobody thought of is refused too,
 * and should a KIE upgrade start loading its own classes through the root loader, compiling the shipped policy
 * fails in the build instead of the layer silently opening up.
 */
final class PolicyClassLoader extends ClassLoader {

    PolicyClassLoader() {
        // No parent: nothing is delegated, so neither the class path nor the JDK's classes can be reached through it.
        super("policy", null);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        throw new ClassNotFoundException(name + " is not available to policy files: they may only use FEEL");
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        throw new ClassNotFoundException(name + " is not available to policy files: they may only use FEEL");
    }
}
