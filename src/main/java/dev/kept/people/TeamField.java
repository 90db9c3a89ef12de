package dev.kept.people;

import dev.kept.shared.NamedChoice;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/**
 * A form's field naming several teams without listing every team of the organization, as the form
 * sent it and as the page shows it again (fragment {@code teams} of {@code fragments/picker.html}):
 * the teams chosen, as ticked boxes, and a search field to add one more by its name. Made by
 * {@link Teams#teamField}.
 *
 * @param search the name of the search field, where a problem is told
 * @param ids the ids the form chose, the typed team's last: what the form acts on, for the module to
 *     check (an id of no team of the organization stays in, to be refused there)
 * @param teams the chosen teams of the caller's organization, by name, for the ticked boxes
 * @param typed what the search field shows again: empty once its team is added
 * @param most how many teams the form takes at most
 * @param problem the message code of what is wrong with the typed name, or null
 * @param detail the same in words, or null
 */
public record TeamField(
        String search, List<UUID> ids, List<NamedChoice> teams, String typed, int most, String problem, String detail) {

    /** The name the page knows the field by. */
    public static final String ATTRIBUTE = "teamField";

    /**
     * The field with these teams refused (a goal's own teams on a proposal to share it): taken out of
     * the chosen ones, and the problem told, with the refused team's name shown again in the search
     * field when it was the one typed.
     */
    public TeamField refusing(Collection<UUID> refused, String reason, String message) {
        List<NamedChoice> left =
                teams.stream().filter(team -> !refused.contains(team.id())).toList();
        if (left.size() == teams.size() && ids.stream().noneMatch(refused::contains)) {
            return this;
        }
        String shown = teams.stream()
                .filter(team -> refused.contains(team.id()))
                .map(NamedChoice::name)
                .reduce((first, second) -> second)
                .orElse(typed);
        return new TeamField(
                search, ids.stream().filter(id -> !refused.contains(id)).toList(), left, shown, most, reason, message);
    }

    /**
     * Puts the field on the form's page and its problem, if any, on the form. Answers whether the
     * form is only to be shown again: when the person asked to add a team (the field's "Add"
     * button), with no error but the field's, since they have not sent the form yet.
     */
    public boolean showOn(Model model, BindingResult errors, boolean adding) {
        model.addAttribute(ATTRIBUTE, this);
        BindingResult told = errors;
        if (adding) {
            told = new BeanPropertyBindingResult(errors.getTarget(), errors.getObjectName());
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + errors.getObjectName(), told);
        }
        if (problem != null) {
            told.rejectValue(search, problem, new Object[] {most}, detail);
        }
        return adding;
    }
}
