"""MkDocs hooks: a thin adapter. All the work is in the installed ``servicemap`` package.

MkDocs puts this folder on ``sys.path`` only while loading the hook, so we import the package,
never a neighbour file.
"""

from servicemap.adapters.mkdocs import (  # noqa: F401
    on_build_error,
    on_config,
    on_env,
    on_files,
    on_nav,
    on_page_content,
    on_page_context,
    on_page_markdown,
    on_post_build,
    on_post_page,
    on_post_template,
    on_serve,
    on_shutdown,
    on_startup,
    on_template_context,
)
