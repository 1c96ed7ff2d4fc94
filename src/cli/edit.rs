use super::{Context, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {}

#[derive(Debug, clap::Args)]
pub struct DeleteArgs {}

pub fn run(_args: Args, _ctx: &Context) -> anyhow::Result<Outcome> {
    anyhow::bail!("'edit' is not built yet")
}

pub fn run_delete(_args: DeleteArgs, _ctx: &Context) -> anyhow::Result<Outcome> {
    anyhow::bail!("'delete' is not built yet")
}
