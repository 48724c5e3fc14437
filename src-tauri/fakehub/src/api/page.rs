//! Pagination: `per_page` (default 30, at most 100) and `page`, and the RFC 8288
//! `Link` header with `prev`, `next`, `last` and `first` as GitHub writes it.

use super::Ctx;

/// The page asked for.
pub(crate) struct Page {
    pub page: usize,
    pub per_page: usize,
}

fn param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query.split('&').filter_map(|kv| kv.split_once('=').or(Some((kv, "")))).find(|(k, _)| *k == name).map(|(_, v)| v)
}

/// A query parameter as received (not percent-decoded).
pub(crate) fn query_param(ctx: &Ctx, name: &str) -> Option<String> {
    param(&ctx.query, name).map(str::to_string)
}

impl Page {
    pub(crate) fn of(ctx: &Ctx) -> Page {
        let num = |name: &str| param(&ctx.query, name).and_then(|v| v.parse::<usize>().ok());
        let per_page = match num("per_page") {
            Some(0) | None => 30,
            Some(n) => n.min(100),
        };
        let page = num("page").filter(|p| *p > 0).unwrap_or(1);
        Page { page, per_page }
    }

    /// The items of this page.
    pub(crate) fn slice<T: Clone>(&self, items: &[T]) -> Vec<T> {
        items.iter().skip((self.page - 1).saturating_mul(self.per_page)).take(self.per_page).cloned().collect()
    }

    /// The `Link` header for a list of `total` items, or `None` for a single page.
    pub(crate) fn link(&self, ctx: &Ctx, total: usize) -> Option<String> {
        let last = total.div_ceil(self.per_page).max(1);
        if last == 1 && self.page == 1 {
            return None;
        }
        let url = |page: usize| {
            let mut parts: Vec<String> = ctx
                .query
                .split('&')
                .filter(|kv| !kv.is_empty())
                .filter(|kv| kv.split('=').next() != Some("page"))
                .map(str::to_string)
                .collect();
            parts.push(format!("page={page}"));
            format!("<{}{}?{}>", ctx.api_base, ctx.path, parts.join("&"))
        };
        let mut links = Vec::new();
        if self.page > 1 {
            links.push(format!("{}; rel=\"prev\"", url((self.page - 1).min(last))));
        }
        if self.page < last {
            links.push(format!("{}; rel=\"next\"", url(self.page + 1)));
            links.push(format!("{}; rel=\"last\"", url(last)));
        }
        if self.page > 1 {
            links.push(format!("{}; rel=\"first\"", url(1)));
        }
        Some(links.join(", "))
    }
}
