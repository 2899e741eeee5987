package com.example.compliance.sandbox;

import org.springframework.web.util.HtmlUtils;

/** The sandbox's server-rendered pages: one inline stylesheet, every value escaped. */
public final class Html {

    private static final String STYLE = """
            body{margin:0;font:15px/1.5 -apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;background:#f4f5f7;color:#172b4d}
            header{background:#0052cc;color:#fff;padding:12px 24px;font-weight:600;letter-spacing:.2px}
            header small{font-weight:400;opacity:.8;margin-left:8px}
            main{max-width:760px;margin:32px auto;background:#fff;border-radius:6px;box-shadow:0 1px 3px rgba(9,30,66,.25);padding:28px 32px}
            h1{font-size:22px;margin:0 0 12px}h2{font-size:16px;margin:24px 0 8px}
            ul.scopes{padding-left:20px}ul.scopes code{color:#6b778c;font-size:12px;margin-left:6px}
            label{display:block;margin:6px 0}select{font:inherit;padding:4px 8px}
            .buttons{margin-top:24px;display:flex;gap:12px}
            button{font:inherit;border:0;border-radius:4px;padding:8px 16px;cursor:pointer;background:#ebecf0;color:#172b4d}
            button.primary{background:#0052cc;color:#fff}
            .error{background:#ffebe6;color:#bf2600;border-radius:4px;padding:8px 12px;margin:12px 0}
            .note{color:#6b778c;font-size:13px}
            .lozenge{display:inline-block;border-radius:3px;padding:0 6px;font-size:12px;font-weight:700;text-transform:uppercase}
            .cat-new{background:#dfe1e6;color:#42526e}.cat-indeterminate{background:#deebff;color:#0747a6}.cat-done{background:#e3fcef;color:#006644}
            .label{display:inline-block;background:#ebecf0;border-radius:3px;padding:0 6px;margin-right:4px;font-size:13px}
            table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:6px 8px;border-bottom:1px solid #ebecf0}
            pre{white-space:pre-wrap;font:inherit;background:#f4f5f7;padding:12px;border-radius:4px}
            a{color:#0052cc}
            """;

    private Html() {}

    public static String esc(Object value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value.toString());
    }

    public static String page(String title, String header, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + "</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>" + STYLE
                + "</style></head><body><header>" + header + "</header><main>" + body + "</main></body></html>";
    }
}
