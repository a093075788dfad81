package frontier.magics;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits {@code -n 10 -r 3 list.stream().map(s -> "a b").count()} into the leading options
 * (shell-split, for picocli) and the code (verbatim). Options end at the first word that is
 * not a known option, or after {@code --}.
 */
record CodeSplit(List<String> options, String code) {

    static CodeSplit ofLine(CommandLine commandLine, String line) {
        String rest = line == null ? "" : line;
        List<String> options = new ArrayList<>();
        while (true) {
            rest = rest.stripLeading();
            if (!rest.startsWith("-")) {
                return new CodeSplit(options, rest);
            }
            int end = wordEnd(rest);
            String word = rest.substring(0, end);
            if (word.equals("--")) {
                return new CodeSplit(options, rest.substring(end).stripLeading());
            }
            OptionSpec option = option(commandLine, word);
            if (option == null) {
                return new CodeSplit(options, rest); // e.g. "-1 + x": code, not an option
            }
            options.add(word);
            rest = rest.substring(end);
            if (takesSeparateValue(option, word)) {
                rest = rest.stripLeading();
                int valueEnd = wordEnd(rest);
                options.addAll(ArgTokenizer.split(rest.substring(0, valueEnd)));
                rest = rest.substring(valueEnd);
            }
        }
    }

    static CodeSplit ofWords(CommandLine commandLine, List<String> words) {
        List<String> options = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            String word = words.get(i);
            if (word.equals("--")) {
                i++;
                break;
            }
            OptionSpec option = word.startsWith("-") ? option(commandLine, word) : null;
            if (option == null) {
                break;
            }
            options.add(word);
            i++;
            if (takesSeparateValue(option, word) && i < words.size()) {
                options.add(words.get(i++));
            }
        }
        return new CodeSplit(options, String.join(" ", words.subList(i, words.size())));
    }

    private static int wordEnd(String s) {
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The option a word names: "-n", "-n10", "--number=10", "--number". */
    private static OptionSpec option(CommandLine commandLine, String word) {
        var spec = commandLine.getCommandSpec();
        String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
        OptionSpec option = spec.findOption(name);
        if (option == null && !word.startsWith("--") && word.length() > 2) {
            option = spec.findOption(word.substring(0, 2)); // -n10
        }
        return option;
    }

    private static boolean takesSeparateValue(OptionSpec option, String word) {
        boolean attached = word.contains("=") || (!word.startsWith("--") && word.length() > 2);
        return !attached && option.arity().max() > 0 && !option.typeInfo().isBoolean();
    }
}
