package com.example.compliance.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.Lumo;
import java.util.List;

/**
 * The shell around every signed-in view. Navigation comes from {@code @Menu} on the views, which Vaadin already filters
 * by the current user's access, so an analyst never sees an admin entry and base never imports a feature.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

    static final String DARK_THEME_ATTRIBUTE = "app.theme.dark";

    private final List<HeaderBadgeProvider> badgeProviders;

    public MainLayout(AuthenticationContext authentication, List<HeaderBadgeProvider> badgeProviders) {
        this.badgeProviders = badgeProviders;
        setPrimarySection(Section.DRAWER);
        // Landmarks (axe "region"): the drawer is the navigation, the navbar the banner, the view the main region
        var drawer = new Nav(title(), navigation());
        drawer.getElement().setAttribute("aria-label", "Main navigation");
        drawer.addClassName("app-drawer");
        addToDrawer(drawer);
        var toggle = new DrawerToggle();
        toggle.setAriaLabel("Show or hide the menu");
        // Visually hidden beside the drawer's title on wide screens, shown on phones where the drawer is closed
        var heading = new H1("Compliance Tickets");
        heading.addClassName("app-heading");
        var banner = new Header(toggle, heading, header(authentication));
        banner.addClassName("app-header");
        addToNavbar(banner);
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        super.showRouterLayoutContent(content);
        if (content != null) {
            content.getElement().setAttribute("role", "main");
            content.getElement().getClassList().add("app-main");
        }
    }

    /** The app's name atop the drawer; the page's level-one heading is in the banner (it stays there on phones). */
    private Component title() {
        var title = new Span("Compliance Tickets");
        title.addClassName("app-title");
        title.getStyle().set("padding", "var(--lumo-space-m)").set("display", "block").set("font-weight", "600");
        title.getElement().setAttribute("aria-hidden", "true");
        return title;
    }

    private SideNav navigation() {
        var nav = new SideNav();
        // The surrounding <nav> is the landmark; a second, unnamed navigation landmark inside it would be a duplicate
        nav.getElement().setAttribute("role", "presentation");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            var item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        return nav;
    }

    private Component header(AuthenticationContext authentication) {
        var header = new HorizontalLayout();
        header.addClassName("app-header-bar");
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        var spacer = new Span();
        header.add(spacer);
        header.setFlexGrow(1, spacer);
        badgeProviders.forEach(provider -> provider.badge().ifPresent(header::add));

        var theme = new Button(new Icon(VaadinIcon.ADJUST), click -> toggleDarkTheme());
        theme.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        theme.setAriaLabel("Switch light or dark theme");
        theme.setTooltipText("Light / dark theme");
        header.add(theme);

        authentication.getPrincipalName().ifPresent(name -> header.add(new UserMenu(name,
                authentication.getGrantedRoles(), authentication::logout)));
        return header;
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        // Vaadin's connection indicator (a loading bar appended to <body>) is a status, not content outside a landmark
        attachEvent.getUI().getPage().executeJs("""
                customElements.whenDefined('vaadin-connection-indicator').then(() => document
                    .querySelectorAll('vaadin-connection-indicator').forEach(i => i.setAttribute('role', 'status')));""");
        if (Boolean.TRUE.equals(VaadinSession.getCurrent().getAttribute(DARK_THEME_ATTRIBUTE))) {
            attachEvent.getUI().getElement().getThemeList().add(Lumo.DARK);
        }
    }

    private void toggleDarkTheme() {
        var themes = UI.getCurrent().getElement().getThemeList();
        boolean dark = !themes.contains(Lumo.DARK);
        if (dark) {
            themes.add(Lumo.DARK);
        } else {
            themes.remove(Lumo.DARK);
        }
        VaadinSession.getCurrent().setAttribute(DARK_THEME_ATTRIBUTE, dark);
    }
}
