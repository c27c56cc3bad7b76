package com.shopcare.complaints.policy;

import java.util.List;

/**
 * The class loader DMN evaluation resolves classes through, the second layer behind {@link PolicyFileScanner}:
 * should a Java external function ever get past the scan, the class it names must not be one that can stop the
 * JVM, start a process, touch files or the network, reflect, or load more code. KIE loads its own classes through
 * the parent as usual.
 */
final class PolicyClassLoader extends ClassLoader {

    private static final List<String> REFUSED_CLASSES = List.of(
            "java.lang.System", "java.lang.Runtime", "java.lang.ProcessBuilder", "java.lang.Process",
            "java.lang.ProcessHandle", "java.lang.Thread", "java.lang.ThreadGroup", "java.lang.ClassLoader",
            "java.lang.Class", "java.lang.Module", "java.lang.ModuleLayer", "java.lang.SecurityManager",
            "java.lang.StackWalker", "java.lang.Shutdown");
    private static final List<String> REFUSED_PACKAGES = List.of(
            "java.lang.reflect.", "java.lang.invoke.", "java.lang.instrument.", "java.lang.management.", "java.io.",
            "java.nio.", "java.net.", "java.rmi.", "java.sql.", "java.util.concurrent.", "java.util.jar.",
            "java.util.zip.", "java.util.logging.", "java.util.prefs.", "java.security.", "javax.script.",
            "javax.naming.", "javax.management.", "sun.", "com.sun.", "jdk.", "com.shopcare.", "org.springframework.");

    PolicyClassLoader(ClassLoader parent) {
        super("policy", parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isRefused(name)) {
            throw new ClassNotFoundException(name + " is not available to policy files");
        }
        return super.loadClass(name, resolve);
    }

    static boolean isRefused(String className) {
        String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        return REFUSED_CLASSES.contains(outer) || REFUSED_PACKAGES.stream().anyMatch(className::startsWith);
    }
}
