package dev.kept.web;

import dev.kept.insights.InsightViewers;
import dev.kept.notifications.Inbox;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Person;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Gives every rendered page what the layout needs: the signed-in person, whether they are an
 * admin or a guest, how many notifications they have not read, and whether they may see the
 * organization insights. Only pages pay for it; API responses render no view and skip it.
 */
@Component
class LayoutModel implements HandlerInterceptor {

    private final People people;
    private final Inbox inbox;
    private final InsightViewers insightViewers;

    LayoutModel(People people, Inbox inbox, InsightViewers insightViewers) {
        this.people = people;
        this.inbox = inbox;
        this.insightViewers = insightViewers;
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (view == null || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            try {
                Person me = people.me(caller);
                view.addObject("me", me);
                view.addObject("isAdmin", me.isAdmin());
                view.addObject("isGuest", me.isGuest());
                view.addObject("unread", inbox.unread(caller));
                view.addObject("seesOrganizationInsights", insightViewers.maySee(me));
            } catch (RuntimeException gone) {
                view.addObject("isAdmin", false);
            }
        }
    }
}
