# language: fr
Fonctionnalité: Étape 4 – L'assuré clique sur le mail reçu
  Une fois le mail ouvert, l'assuré clique sur « Renouveler mon mot de passe ».
  Le mail est valable 30 minutes : passé ce délai, l'assuré doit refaire la démarche.
  Seul le mail le plus récent est valable, et une seule fois.

  Contexte:
    Étant donné un assuré dont le compte ameli a une adresse mail validée
    Et que j'ai demandé le renouvellement de mon mot de passe

  @E4-MAIL
  Scénario: Le mail de renouvellement
    Quand j'ouvre le mail reçu
    Alors le mail a pour objet « Votre compte ameli – renouveler mon mot de passe »
    Et le mail a pour expéditeur « Votre Assurance Maladie »
    Et le mail a une version HTML et une version texte
    Et le mail contient « Vous avez demandé le renouvellement du mot de passe de votre compte ameli. »
    Et le mail contient « Pour des raisons de sécurité, vous devez réaliser cette opération dans un délai de 30 minutes. »
    Et le mail contient « Au-delà de ce délai, vous devrez recommencer votre demande de renouvellement de mot de passe. »
    Et le mail contient « Si vous n'êtes pas à l'origine de cette demande, ne cliquez pas sur ce lien et contactez votre caisse d'assurance maladie »
    Et le mail contient « Ce message est généré par un automate. »
    Et le mail propose « Renouveler mon mot de passe »
    Quand je clique dans le mail sur « Renouveler mon mot de passe »
    Alors je suis sur la page « Renouvellement de mot de passe »

  @E4-LIEN-30MIN
  Plan du scénario: Le lien fonctionne pendant les 30 minutes qui suivent la demande
    Quand <durée> se sont écoulées depuis ma demande
    Et je clique dans le mail sur « Renouveler mon mot de passe »
    Alors je suis sur la page « Renouvellement de mot de passe »

    Exemples:
      | durée                     |
      | 29 minutes                |
      | 29 minutes et 59 secondes |

  @E4-LIEN-30MIN
  Plan du scénario: Le lien est refusé au-delà de 30 minutes
    Quand <durée> se sont écoulées depuis ma demande
    Et je clique dans le mail sur « Renouveler mon mot de passe »
    Alors un message indique que le lien n'est plus valable et qu'il faut recommencer la demande

    Exemples:
      | durée                   |
      | 30 minutes et 1 seconde |
      | 31 minutes              |

  @E4-DERNIER-LIEN
  Scénario: Seul le lien du mail le plus récent fonctionne
    Étant donné que j'ai demandé à nouveau le renouvellement de mon mot de passe
    Quand je clique dans le plus ancien des mails sur « Renouveler mon mot de passe »
    Alors un message indique que le lien n'est plus valable et qu'il faut recommencer la demande
    Quand je clique dans le mail le plus récent sur « Renouveler mon mot de passe »
    Alors je suis sur la page « Renouvellement de mot de passe »

  @E4-USAGE-UNIQUE
  Scénario: Une fois le mot de passe changé, le même lien est refusé
    Étant donné que j'ai cliqué dans le mail sur « Renouveler mon mot de passe »
    Quand je saisis un nouveau mot de passe conforme et je le confirme
    Et je clique sur « Valider le nouveau mot de passe »
    Alors la page confirme que mon nouveau mot de passe est enregistré
    Quand je clique à nouveau dans le mail sur « Renouveler mon mot de passe »
    Alors un message indique que le lien n'est plus valable et qu'il faut recommencer la demande
