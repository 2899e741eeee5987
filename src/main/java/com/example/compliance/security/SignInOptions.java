package com.example.compliance.security;

/**
 * How people can sign in, for the login page: {@code singleSignOnPath} is where "Sign in with
 * {@code providerName}" starts (null without single sign-on); with {@code localLogin} false the password form is for
 * the break-glass administrator only.
 */
public record SignInOptions(boolean localLogin, String providerName, String singleSignOnPath) {

    public boolean singleSignOn() {
        return singleSignOnPath != null;
    }
}
