# language: fr
@securite
Fonctionnalité: Sécurité – le lien du mail et le nouveau mot de passe (profil « securite », hors verdict)
  Contrôles de sécurité tirés de l'OWASP Forgot Password Cheat Sheet, du WSTG et de l'ASVS,
  lancés à la demande et rapportés avec leur source, hors verdict de conformité.

  Contexte:
    Étant donné un assuré dont le compte ameli a une adresse mail validée

  @SEC-JETON-ENTROPIE
  Scénario: Deux demandes dans la même seconde donnent deux liens différents et imprévisibles
    Quand je demande deux fois le renouvellement de mon mot de passe dans la même seconde
    Alors les jetons des deux liens diffèrent, sans début commun
    Et chaque jeton porte au moins 128 bits d'aléa, sans mon numéro, ma date de naissance ni l'heure

  @SEC-JETON-CONCURRENCE
  Scénario: Le même lien envoyé 20 fois en même temps ne réussit qu'une fois
    Étant donné que j'ai demandé le renouvellement de mon mot de passe
    Et que j'ai cliqué dans le mail sur « Renouveler mon mot de passe »
    Quand j'envoie 20 fois en même temps le formulaire rempli d'un nouveau mot de passe conforme
    Alors un seul envoi aboutit à la confirmation
    Et je reçois un seul mail qui notifie le changement

  @SEC-REFERRER
  Scénario: La page du lien ne transmet le lien à aucun autre site
    Étant donné que j'ai demandé le renouvellement de mon mot de passe
    Quand j'ouvre le lien du mail
    Alors la page demande au navigateur de ne transmettre aucun référent
    Et aucune requête ne part vers un autre site avec le jeton du lien

  @SEC-CACHE
  Scénario: Les pages du renouvellement ne sont pas gardées en cache
    Étant donné que j'ai demandé le renouvellement de mon mot de passe
    Quand j'ouvre le lien du mail
    Alors la page est envoyée avec « Cache-Control: no-store »
    Quand je saisis un nouveau mot de passe conforme et je le confirme
    Et je clique sur « Valider le nouveau mot de passe »
    Alors la page est envoyée avec « Cache-Control: no-store »

  @SEC-GET-SANS-EFFET
  Scénario: Un analyseur de mails qui ouvre le lien ne le consomme pas
    Étant donné que j'ai demandé le renouvellement de mon mot de passe
    Quand un analyseur de mails ouvre deux fois le lien du mail, sans navigateur
    Et que j'ouvre le lien du mail
    Alors la page propose de choisir un nouveau mot de passe
    Quand je saisis un nouveau mot de passe conforme et je le confirme
    Et je clique sur « Valider le nouveau mot de passe »
    Alors la page confirme que mon nouveau mot de passe est enregistré

  @SEC-PAS-DE-CONNEXION-AUTO
  Scénario: La confirmation du nouveau mot de passe ne me connecte pas
    Étant donné que j'ai enregistré un nouveau mot de passe
    Alors la page ne propose pas de me déconnecter
    Et la page de connexion me demande toujours mon mot de passe

  @SEC-SESSIONS
  Scénario: Une session ouverte avant le renouvellement est fermée
    Étant donné que je suis connecté à mon compte dans un autre navigateur
    Et que j'ai enregistré un nouveau mot de passe
    Quand je recharge la page de mon compte dans l'autre navigateur
    Alors l'autre navigateur n'est plus connecté à mon compte

  @SEC-CSRF
  Scénario: Le formulaire du nouveau mot de passe refuse un envoi venu d'un autre site
    Étant donné que j'ai demandé le renouvellement de mon mot de passe
    Et que j'ai cliqué dans le mail sur « Renouveler mon mot de passe »
    Quand un autre site me fait envoyer le formulaire du nouveau mot de passe rempli
    Alors aucun nouveau mail n'est envoyé
    Et le lien du mail propose toujours de choisir un nouveau mot de passe
