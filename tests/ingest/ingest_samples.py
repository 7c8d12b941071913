"""Sample texts shared by the ingest tests (a plain module: conftest.py is not importable by name)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "articles"

ID_TEXT = (
    "Indonesia akan mengirim sekitar 1.000 prajurit ke Lebanon selatan untuk bergabung dengan "
    "pasukan penjaga perdamaian PBB, kata juru bicara Mabes TNI pada Kamis (17/10/2024).\n\n"
    "“Pasukan kami siap berangkat,” kata juru bicara itu kepada wartawan di Jakarta.\n"
)
EN_TEXT = (
    "Japan will send up to 1,400 soldiers to joint exercises in the Philippines next year, "
    "defence officials said on Monday.\n\n"
    '"We are still finalising the numbers," a military spokesman told reporters.\n'
)
RU_TEXT = (
    "Министерство обороны заявило в четверг, что около тысячи военнослужащих будут направлены "
    "на учения в следующем месяце. Представитель ведомства сообщил об этом журналистам.\n"
)
HTML_SOUP = (
    "<html><head><title>Login</title></head><body><nav><a href='/'>Home</a> <a href='/w'>World</a>"
    "</nav><div class='menu'>Sign in</div><div id='cookie'>We use cookies</div>"
    "<footer>&copy; 2024 Example Media</footer></body></html>"
)

