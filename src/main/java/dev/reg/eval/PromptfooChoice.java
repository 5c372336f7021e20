package dev.reg.eval;

import dev.reg.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which provider and which prompt of a promptfoo eval to import. promptfoo runs every test against
 * every provider and prompt, so a file that compares several holds several answers per case: one
 * run would blend them. Without a choice such a file is refused, naming what it holds; with one, the
 * choice is recorded by its id (a provider's label and id, a prompt's label and id, are one choice,
 * so they give one run id).
 */
final class PromptfooChoice {
    private final String provider;
    private final String prompt;
    private final boolean junit;
    /** Every provider in the file: display name (label, else id) to id. */
    private final Map<String, String> providers = new TreeMap<>();
    private final TreeSet<String> matchedProviders = new TreeSet<>();
    /** Prompts of the chosen provider(s), in order of appearance: id to label; and the provider they ran under. */
    private final Map<String, String> prompts = new LinkedHashMap<>();
    private final Map<String, String> promptProvider = new LinkedHashMap<>();
    private final TreeSet<String> matchedPrompts = new TreeSet<>();

    /**
     * @param provider the provider asked for (id or label), null for none
     * @param prompt the prompt asked for (id or label), null for none; promptfoo's JUnit output names no prompts
     * @param junit true for promptfoo's JUnit output, which names a provider by label (or id) and a prompt by ordinal
     */
    PromptfooChoice(String provider, String prompt, boolean junit) {
        this.provider = provider;
        this.prompt = prompt;
        this.junit = junit;
    }

    /** Whether a row of this provider and prompt is imported; records both for {@link #resolve}. */
    boolean keeps(String providerId, String providerLabel, String promptId, String promptLabel) {
        String providerName = providerLabel.isEmpty() ? providerId : providerLabel;
        providers.putIfAbsent(providerName, providerId);
        if (provider != null && !provider.equals(providerId) && !provider.equals(providerLabel)) {
            return false;
        }
        matchedProviders.add(providerId);
        prompts.putIfAbsent(promptId, promptLabel);
        promptProvider.putIfAbsent(promptId, providerName);
        if (prompt != null && !prompt.equals(promptId) && !prompt.equals(promptLabel)) {
            return false;
        }
        matchedPrompts.add(promptId);
        return true;
    }

    /**
     * After the last row: refuses a file that compares several providers or prompts when none was
     * chosen, and a choice that matched nothing or more than one; returns the choices by id, as
     * import options.
     */
    Map<String, String> resolve(String display) {
        if (provider == null && providers.size() > 1) {
            throw new BadInputException(display + " holds the results of " + providers.size() + " providers (" + String.join(", ", providers.keySet())
                    + "): import one at a time with --provider ID|LABEL");
        }
        if (provider != null && matchedProviders.isEmpty()) {
            throw new BadInputException(display + ": no rows from provider '" + provider + "' (the file has: " + String.join(", ", providers.keySet())
                    + (junit ? "; promptfoo's JUnit output names a provider by its label, or by its id when it has none" : "") + ")");
        }
        if (matchedProviders.size() > 1) {
            throw new BadInputException(display + ": --provider " + provider + " matches " + matchedProviders.size() + " providers ("
                    + String.join(", ", matchedProviders) + "): give the id of one");
        }
        if (prompt == null && prompts.size() > 1) {
            String under = " under provider " + String.join(", ", new TreeSet<>(promptProvider.values()));
            if (junit) {
                throw new BadInputException(display + " holds the results of " + prompts.size() + " prompts" + under + " (" + String.join(", ", prompts.keySet())
                        + "): promptfoo's JUnit output does not name its prompts; import its -o results.json with --prompt ID|LABEL");
            }
            List<String> named = new ArrayList<>();
            prompts.forEach((id, label) -> named.add((label.isEmpty() ? "" : label + " = ") + (id.length() > 12 ? id.substring(0, 12) + "…" : id)));
            throw new BadInputException(display + " holds the results of " + prompts.size() + " prompts" + under + " (" + String.join(", ", named)
                    + "): import one at a time with --prompt ID|LABEL");
        }
        if (prompt != null && matchedPrompts.isEmpty()) {
            List<String> names = prompts.entrySet().stream().map(e -> e.getValue().isEmpty() ? e.getKey() : e.getValue()).toList();
            throw new BadInputException(display + ": no rows from prompt '" + prompt + "' (the file has: " + String.join(", ", names) + ")");
        }
        if (matchedPrompts.size() > 1) {
            throw new BadInputException(display + ": --prompt " + prompt + " matches " + matchedPrompts.size() + " prompts ("
                    + String.join(", ", matchedPrompts) + "): give the id of one");
        }
        Map<String, String> chosen = new TreeMap<>();
        if (provider != null) {
            chosen.put("provider", matchedProviders.first());
        }
        if (prompt != null) {
            chosen.put("prompt", matchedPrompts.first());
        }
        return chosen;
    }

    /** True when every row is imported (no choice made), so a file's own totals must match the rows. */
    boolean keepsAll() {
        return provider == null && prompt == null;
    }
}
