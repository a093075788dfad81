/** Interactive 3D volume views: an HTML+JS output with a volume-rendering bundle and a PNG. */
package frontier.viewer;
