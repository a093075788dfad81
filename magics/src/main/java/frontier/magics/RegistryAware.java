package frontier.magics;

/** A magic that needs the registry it runs from (%lsmagic lists the others). */
public interface RegistryAware {
    void setRegistry(MagicRegistry registry);
}
