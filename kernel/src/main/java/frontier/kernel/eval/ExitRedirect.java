package frontier.kernel.eval;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.nio.charset.StandardCharsets;

/**
 * Rewrites a user class (a snippet's, or one from a jar added with %classpath / %maven) so that
 * {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} call {@link SystemExit}
 * instead: the JVM is the kernel, and one cell must not end it. Direct calls and method
 * references ({@code System::exit}) are rewritten, in whatever thread they later run; a call
 * through reflection or a method handle looked up by name is not. Works on every Java the kernel
 * runs on (the SecurityManager's checkExit is gone from Java 24).
 */
final class ExitRedirect {
    private static final String SYSTEM = "java/lang/System", RUNTIME = "java/lang/Runtime";
    private static final String TARGET = Type.getInternalName(SystemExit.class);
    private static final byte[] EXIT = "exit".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HALT = "halt".getBytes(StandardCharsets.US_ASCII);

    private ExitRedirect() {
    }

    /** The class with its exits redirected; the same array when it names neither exit nor halt. */
    static byte[] apply(byte[] classFile) {
        if (!contains(classFile, EXIT) && !contains(classFile, HALT)) {
            return classFile; // the constant pool names no such method: nothing to rewrite
        }
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0); // same stack shapes: frames stay valid
        boolean[] changed = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, desc, sig, exceptions)) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String d, boolean itf) {
                        String target = target(owner, method, d);
                        if (target != null) {
                            changed[0] = true;
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, TARGET, method, target, false);
                        } else {
                            super.visitMethodInsn(opcode, owner, method, d, itf);
                        }
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String name, String d, Handle bootstrap, Object... args) {
                        Object[] out = args.clone();
                        for (int i = 0; i < out.length; i++) {
                            out[i] = redirect(out[i], changed);
                        }
                        super.visitInvokeDynamicInsn(name, d, bootstrap, out);
                    }

                    @Override
                    public void visitLdcInsn(Object value) {
                        super.visitLdcInsn(redirect(value, changed));
                    }
                };
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : classFile;
    }

    /** The descriptor of SystemExit's replacement for owner.method(desc), or null if it is no exit. */
    private static String target(String owner, String method, String desc) {
        if (!"(I)V".equals(desc)) {
            return null;
        }
        if (SYSTEM.equals(owner) && "exit".equals(method)) {
            return "(I)V";
        }
        if (RUNTIME.equals(owner) && ("exit".equals(method) || "halt".equals(method))) {
            return "(Ljava/lang/Runtime;I)V";
        }
        return null;
    }

    /** A method handle constant naming an exit (System::exit, runtime::halt) names SystemExit's instead. */
    private static Object redirect(Object constant, boolean[] changed) {
        if (constant instanceof Handle h && (h.getTag() == Opcodes.H_INVOKESTATIC || h.getTag() == Opcodes.H_INVOKEVIRTUAL)) {
            String target = target(h.getOwner(), h.getName(), h.getDesc());
            if (target != null) {
                changed[0] = true;
                return new Handle(Opcodes.H_INVOKESTATIC, TARGET, h.getName(), target, false);
            }
        }
        return constant;
    }

    private static boolean contains(byte[] data, byte[] word) {
        outer:
        for (int i = 0; i <= data.length - word.length; i++) {
            for (int j = 0; j < word.length; j++) {
                if (data[i + j] != word[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
