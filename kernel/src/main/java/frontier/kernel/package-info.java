/** The Jupyter kernel: messaging, JShell evaluation, display renderers, install. */
package frontier.kernel;
