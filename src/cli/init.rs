//! `claimdb init`: create the database, or migrate an older one in place.

use super::{Context, Outcome};
use crate::store::Store;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let store = Store::open_or_create(&ctx.db)?;
    let (documents, statements) = store.counts()?;
    println!(
        "{}: claimdb database, schema version {} ({documents} documents, {statements} statements)",
        ctx.db.display(),
        store.version()?
    );
    Ok(Outcome::Done)
}
