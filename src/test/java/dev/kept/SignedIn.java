package dev.kept;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import dev.kept.people.Caller;
import dev.kept.people.Person;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A MockMvc request as a signed-in member, the way the page filter chain's session holds them. */
public final class SignedIn {

    private SignedIn() {}

    public static RequestPostProcessor as(Caller caller) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(
                caller, null, AuthorityUtils.createAuthorityList("ROLE_MEMBER")));
    }

    public static RequestPostProcessor as(ApiFixtures.Account account) {
        return as(caller(account));
    }

    public static Caller caller(ApiFixtures.Account account) {
        return new Caller(account.personId(), account.organizationId(), account.name());
    }

    public static Caller callerOf(Person person) {
        return new Caller(person.getId(), person.getOrganizationId(), person.getName());
    }
}
