"""Rebuilds that notice change, with the real trained model (``small``, copied to a temp folder):
retrained weights, a new model version or another rule set re-extract every stored article; an
unchanged re-run changes nothing, quad for quad. (With the hand-built fixture extractor:
test_build.py::test_a_rebuild_with_other_settings_extracts_again.)"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.config import Config
from kg.pipeline import build

KG = "https://w3id.org/warta/ontology#"


def quads(store: Path) -> list[str]:
    """Sorted N-Quads lines; blank-node quads (the ontology's OWL lists) by count only."""
    s = ox.Store.read_only(str(store))
    return sorted("<blank-node quad>" if isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode)
                  else str(q) for q in s)


def stored(store: Path, prop: str) -> set[str]:
    s = ox.Store.read_only(str(store))
    return {q.object.value for q in s.quads_for_pattern(None, ox.NamedNode(KG + prop), None, None)}


def articles(store: Path) -> int:
    s = ox.Store.read_only(str(store))
    return len(list(s.quads_for_pattern(None, ox.NamedNode(KG + "sha256"), None, None)))


@pytest.fixture
def checkpoint(tmp_path: Path) -> Path:
    """A private copy of the trained ``small`` checkpoint that the test may 'retrain'."""
    from kg.extract.models import model_path

    dst = tmp_path / "model"
    shutil.copytree(model_path("small"), dst)
    return dst


def retrain(ckpt: Path) -> None:
    """Stand-in for a training run: the same architecture, slightly different weights."""
    from safetensors.torch import load_file, save_file

    weights = load_file(str(ckpt / "model.safetensors"))
    name = next(k for k, t in sorted(weights.items()) if t.is_floating_point() and t.numel() > 1)
    weights[name] = weights[name] * 1.01
    save_file(weights, str(ckpt / "model.safetensors"), metadata={"format": "pt"})


def test_a_retrained_model_or_other_rules_re_extract_every_article_an_unchanged_rerun_nothing(
        articles_dir, checkpoint, tmp_path):
    store = tmp_path / "store"
    cfg = Config.resolve(file=None).replace(model=str(checkpoint), store=str(store), linker="kg.linker.none.v1")

    first = build([str(articles_dir)], cfg, store=str(store))
    n = len(first.articles)
    assert first.ok and n == 2 and first.stale == 0
    before, versions = quads(store), stored(store, "modelVersion")

    # unchanged: nothing is extracted or written, the store is the same quad for quad
    again = build([str(articles_dir)], cfg, store=str(store))
    assert (len(again.articles), len(again.unchanged), again.stale) == (0, n, 0)
    assert quads(store) == before

    # retrained weights (same folder, same version number): every article extracted again
    retrain(checkpoint)
    retrained = build([str(articles_dir)], cfg, store=str(store))
    assert (retrained.stale, len(retrained.articles), retrained.replaced) == (n, n, 0)
    assert articles(store) == n  # replaced, never kept beside the new version
    assert len(stored(store, "modelVersion")) == 1 and stored(store, "modelVersion") != versions
    # the events name the checkpoint that made them: the new one, loaded again, not the cached old one
    new_version = next(iter(stored(store, "modelVersion")))
    made_by = {q.object.value for q in ox.Store.read_only(str(store)).quads_for_pattern(
        None, ox.NamedNode(KG + "extractedBy"), None, None)}
    assert made_by and all(m.startswith(new_version) for m in made_by), made_by

    # a new model version in config.json alone
    cfg_file = checkpoint / "config.json"
    meta = json.loads(cfg_file.read_text(encoding="utf-8"))
    meta["model_version"] = str(meta.get("model_version", "1")) + ".1"
    cfg_file.write_text(json.dumps(meta), encoding="utf-8")
    bumped = build([str(articles_dir)], cfg, store=str(store))
    assert (bumped.stale, len(bumped.articles)) == (n, n)

    # another rule set (kg build --rules all,-pronoun-speaker)
    other_rules = build([str(articles_dir)], cfg.replace(rules="all,-pronoun-speaker"), store=str(store))
    assert (other_rules.stale, len(other_rules.articles)) == (n, n)
    assert articles(store) == n

    # and settled again: the same settings twice change nothing
    settled = quads(store)
    last = build([str(articles_dir)], cfg.replace(rules="all,-pronoun-speaker"), store=str(store))
    assert (len(last.articles), last.stale) == (0, 0) and quads(store) == settled


def test_a_new_software_version_or_alias_index_re_extracts_an_unchanged_rerun_nothing(
        articles_dir, tmp_path, monkeypatch):
    """The decoder and its rules ship with the package, the links come from the alias index: a new
    ``kg.__version__`` or an edited ``aliases.tsv`` makes every stored article stale."""
    import kg
    import kg.link.index as index_mod

    store = tmp_path / "store"
    cfg = Config.resolve(file=None).replace(model="small", store=str(store), linker="kg.linker.offline.v1")
    first = build([str(articles_dir)], cfg, store=str(store))
    n = len(first.articles)
    assert first.ok and n == 2
    again = build([str(articles_dir)], cfg, store=str(store))
    assert (len(again.articles), again.stale) == (0, 0)

    monkeypatch.setattr(kg, "__version__", kg.__version__ + ".post1")
    upgraded = build([str(articles_dir)], cfg, store=str(store))
    assert (upgraded.stale, len(upgraded.articles)) == (n, n)

    edited = tmp_path / "aliases.tsv"
    edited.write_text(index_mod.DEFAULT_INDEX.read_text(encoding="utf-8")
                      + "Warta Test Force\ten\tQ4115189\tOrganization\tWarta Test Force\tmilitary\t\tname\ttest row\n",
                      encoding="utf-8")
    monkeypatch.setattr(index_mod, "DEFAULT_INDEX", edited)
    relinked = build([str(articles_dir)], cfg, store=str(store))
    assert (relinked.stale, len(relinked.articles)) == (n, n)
    assert articles(store) == n
    settled = quads(store)
    last = build([str(articles_dir)], cfg, store=str(store))
    assert (len(last.articles), last.stale) == (0, 0) and quads(store) == settled
