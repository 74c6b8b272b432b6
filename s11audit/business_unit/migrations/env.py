"""Alembic environment: migrations always run on the connection the workspace was opened with."""

from alembic import context

from s11audit.business_unit.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
context.run_migrations()
