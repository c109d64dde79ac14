"""The second implementation's pages and mails (Jinja2), with markup unlike the reference app's."""

CADRE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>{% block titre %}{% endblock %} | ameli</title>
<style>
 body{font:16px/1.5 Georgia,serif;background:#f4f6fb;margin:0}
 .page{max-width:40rem;margin:2rem auto;background:#fff;padding:1.5rem 2rem;border-radius:8px}
 .ligne{display:grid;grid-template-columns:1fr;gap:.25rem;margin:1rem 0}
 .faute{color:#a40000;font-size:.9rem} [role=alert]{background:#fff0f0;padding:.5rem 1rem}
 input[type=submit],.principal{background:#1c4f9c;color:#fff;border:0;padding:.5rem 1rem}
</style></head>
<body><div class="page" id="contenu">{% block corps %}{% endblock %}</div>
{% block scripts %}{% endblock %}</body></html>"""

PAGES = {
    "cadre.html": CADRE,
    "accueil.html": """{% extends "cadre.html" %}{% block titre %}Accueil{% endblock %}
{% block corps %}
<h1>Mon espace santé en ligne : le compte ameli</h1>
<div class="bloc" data-zone="a">
  <h2>Déjà inscrit ?</h2>
  <button type="button" class="principal" onclick="location.assign('/espace/identification')">Connectez-vous</button>
</div>
<div class="bloc" data-zone="b">
  <h2>Pas encore de compte ?</h2>
  <a href="/espace/inscription">Créez votre compte</a>
</div>{% endblock %}""",
    "inscription.html": """{% extends "cadre.html" %}{% block titre %}Inscription{% endblock %}
{% block corps %}<h1>Inscription</h1><p>Hors du périmètre de cette implémentation.</p>
<a href="/espace/identification">Retourner à la page de connexion</a>{% endblock %}""",
    "identification.html": """{% extends "cadre.html" %}{% block titre %}Identification{% endblock %}
{% block corps %}
<h1>Identification</h1>
{% if message %}<div role="alert" class="faute">{{ message }}</div>{% endif %}
<form method="post" action="/espace/identification" autocomplete="off">
  <div class="ligne"><span id="t-ident">Mon numéro de sécurité sociale</span>
    <input id="u7" name="identifiant" aria-labelledby="t-ident"></div>
  <div class="ligne"><label for="u8">Mon mot de passe (ou code provisoire)</label>
    <input id="u8" name="secret" type="password"></div>
  <input type="submit" value="Me connecter">
</form>
<p><a href="/acces/oubli">Mot de passe oublié ?</a></p>
<p>Première visite ? <a href="/espace/inscription">Créer un compte</a></p>
{% endblock %}""",
    "tableau.html": """{% extends "cadre.html" %}{% block titre %}Tableau de bord{% endblock %}
{% block corps %}<h1>Bienvenue sur votre compte ameli</h1><p>Vos remboursements récents.</p>
{% endblock %}""",
    "oubli.html": """{% extends "cadre.html" %}{% block titre %}Mot de passe oublié{% endblock %}
{% macro champ(nom, libelle, genre="text") %}
  <div class="ligne">
    <label for="q-{{ nom }}">{{ libelle }}<abbr title="obligatoire">*</abbr></label>
    <input id="q-{{ nom }}" name="{{ nom }}" type="{{ genre }}" value="{{ values.get(nom, '') }}"
      {% if errors.get(nom) %}aria-invalid="true" aria-errormessage="m-{{ nom }}"{% endif %}>
    {% if errors.get(nom) %}<div class="faute" id="m-{{ nom }}">{{ errors[nom] }}</div>{% endif %}
  </div>
{% endmacro %}
{% block corps %}
<h1>Mot de passe oublié</h1>
<p>Remplissez les champs suivants pour modifier votre mot de passe :</p>
<p><small>Vous allez recevoir un mail à l'adresse que vous avez indiquée dans votre compte ameli.</small></p>
<p><small>* Champs obligatoires</small></p>
<form method="post" action="/acces/oubli" novalidate>
  {{ champ("courriel", "Adresse mail associée à votre compte ameli", "email") }}
  {{ champ("numero", "Numéro de sécurité sociale") }}
  {{ champ("naissance", "Date de naissance (jj/mm/aaaa)") }}
  <section aria-labelledby="t-code">
    <p id="t-code">Recopiez les caractères de l'image ou de l'extrait sonore</p>
    <img id="v-code" src="/acces/code.png?t={{ range(10**9)|random }}" alt="Code de sécurité à recopier" width="180" height="70">
    <button type="button" title="Changer de code" onclick="autreCode()"><span aria-hidden="true">&#10227;</span></button>
    <button type="button" onclick="ecouter()"><img alt="Écouter le code" width="16" height="16"
      src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Ccircle cx='8' cy='6' r='4'/%3E%3C/svg%3E"></button>
    {{ champ("code", "Caractères lus ou entendus") }}
  </section>
  <p><input type="submit" value="Recevoir le mail"></p>
</form>
<p><a href="/espace/identification">Retourner à la page de connexion</a></p>
{% endblock %}
{% block scripts %}<script>
function autreCode() {
  document.getElementById('v-code').src = '/acces/code.png?nouveau=1&t=' + Date.now();
}
function ecouter() { new Audio('/acces/code.wav?t=' + Date.now()).play().catch(() => {}); }
</script>{% endblock %}""",
    "resultat.html": """{% extends "cadre.html" %}{% block titre %}Mot de passe oublié{% endblock %}
{% block corps %}
<h1>Mot de passe oublié</h1>
{% if page == "envoye" %}
<div><strong>Le mail a bien été envoyé à {{ adresse }}</strong></div>
<div>Vous pouvez dès à présent vous connecter sur votre adresse mail pour continuer la procédure.</div>
<div>Vous n'avez plus accès à votre adresse mail ? Merci de contacter votre caisse au 3646.</div>
{% elif page == "impossible" %}
<div role="alert">L'envoi d'un mail pour renouveler votre mot de passe n'est pas possible.
Merci de contacter votre caisse au 36 46.</div>
{% else %}
<div role="alert">Le nombre maximum de demandes de renouvellement de mot de passe a été atteint.
Le service de renouvellement de mot de passe est bloqué jusqu'au {{ fin }} (heure de Paris).</div>
{% endif %}
<p><a href="/espace/identification">Retourner à la page de connexion</a></p>
{% endblock %}""",
    "nouveau.html": """{% extends "cadre.html" %}{% block titre %}Nouveau mot de passe{% endblock %}
{% block corps %}
<h1>Renouvellement de mot de passe</h1>
{% if reasons %}<div role="alert"><p>Ce mot de passe ne peut pas être enregistré :</p>
<ul>{% for r in reasons %}<li>{{ r }}</li>{% endfor %}</ul></div>{% endif %}
<form method="post" novalidate>
  <div class="ligne"><label for="p-1">Nouveau mot de passe</label>
    <input id="p-1" name="mdp1" type="password"></div>
  <div class="ligne"><label for="p-2">Confirmer le mot de passe</label>
    <input id="p-2" name="mdp2" type="password"></div>
  <p><small>* Champs obligatoires</small></p>
  <button type="submit" class="principal">Valider le nouveau mot de passe</button>
  <a href="/espace/identification">Retourner à la page de connexion</a>
</form>
<h2>Règles</h2>
<p>Le mot de passe doit :</p>
<ol>
  <li>Comporter entre 8 et 50 caractères</li>
  <li>Contenir des caractères latins (de a jusqu'à z sans accent) minuscules et majuscules</li>
  <li>Contenir un chiffre ou un caractère spécial parmi les suivants : ? ! $ € @ &amp; + _ = * % / &lt; &gt; , . : ;</li>
  <li>Ne contenir que des caractères autorisés</li>
  <li>Ne pas contenir votre n° de sécurité sociale, votre date de naissance ou une partie de celle-ci</li>
</ol>
<p>Pour maintenir la confidentialité de vos informations, nous vous recommandons de ne pas choisir un mot de passe que vous utilisez déjà sur un autre site.</p>
{% endblock %}""",
    "lien_mort.html": """{% extends "cadre.html" %}{% block titre %}Lien périmé{% endblock %}
{% block corps %}<h1>Lien inutilisable</h1>
<p role="alert">Ce lien n'est plus valable : il a plus de 30 minutes, a déjà servi ou a été
remplacé par un lien plus récent. Vous devez recommencer votre demande.</p>
<p><a href="/acces/oubli">Faire une nouvelle demande</a></p>{% endblock %}""",
    "fait.html": """{% extends "cadre.html" %}{% block titre %}C'est fait{% endblock %}
{% block corps %}<h1>C'est fait</h1>
<p>Votre mot de passe a bien été modifié.</p>
<p><a href="/espace/identification">Retourner à la page de connexion</a></p>{% endblock %}""",
    "introuvable.html": """{% extends "cadre.html" %}{% block titre %}Introuvable{% endblock %}
{% block corps %}<h1>Page introuvable</h1>{% endblock %}""",
    "mail_lien.html": """<html><body>
<p>Bonjour,</p>
<p>Vous avez demandé le renouvellement du mot de passe de votre compte ameli.</p>
<p><a href="{{ lien }}" target="_blank" style="background:#1c4f9c;color:#fff;padding:8px">Renouveler mon mot de passe</a></p>
<p>Pour des raisons de sécurité, vous devez réaliser cette opération dans un délai de 30 minutes.
Au-delà de ce délai, vous devrez recommencer votre demande de renouvellement de mot de passe.</p>
<p>Si vous n'êtes pas à l'origine de cette demande, ne cliquez pas sur ce lien et contactez votre caisse d'assurance maladie.</p>
<p><em>Ce message est généré par un automate.</em></p>
</body></html>""",
    "mail_lien.txt": """Bonjour,
Vous avez demandé le renouvellement du mot de passe de votre compte ameli.
Renouveler mon mot de passe : {{ lien }}
Pour des raisons de sécurité, vous devez réaliser cette opération dans un délai de 30 minutes.
Au-delà de ce délai, vous devrez recommencer votre demande de renouvellement de mot de passe.
Si vous n'êtes pas à l'origine de cette demande, ne cliquez pas sur ce lien et contactez votre caisse d'assurance maladie.
Ce message est généré par un automate.
""",
    "mail_change.html": """<html><body><p>Bonjour,</p>
<p>Votre mot de passe a été modifié le {{ quand }} (heure de Paris).</p>
<p>Ce message est généré par un automate.</p></body></html>""",
    "mail_change.txt": """Bonjour,
Votre mot de passe a été modifié le {{ quand }} (heure de Paris).
Ce message est généré par un automate.
""",
}
