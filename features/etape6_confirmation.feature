# language: fr
Fonctionnalité: Étape 6 – L'assuré reçoit la confirmation de son nouveau mot de passe
  L'assuré reçoit la confirmation que son renouvellement de mot de passe a bien été
  enregistré, et un mail qui le notifie, avec la date et l'heure du changement.
  Il se connecte désormais avec son nouveau mot de passe.

  # Conception des tests (docs/conception-des-tests.md, E6-*) :
  # - la date et l'heure du mail sont celles du changement, pas de la demande ni de l'ouverture du
  #   lien : l'horloge avance entre chaque étape ; l'heure de Paris quand la date UTC diffère ;
  # - un seul mail par changement, aucun pour un changement refusé ;
  # - le nouveau mot de passe ouvre le compte depuis un autre navigateur (le numéro saisi avec
  #   les espaces de la carte Vitale : ils ne comptent pas, à la connexion comme à la demande) ;
  #   chacun des anciens (l'initial, et celui d'avant le dernier changement) est refusé ;
  # - seul le mot de passe exact ouvre le compte : un mot de passe long, fait pour moitié de
  #   « € » (3 octets chacun), puis ses voisins (dernier caractère changé, casse inversée, un
  #   caractère de moins ou de plus) sont refusés : une connexion qui compare les premiers
  #   caractères, ou les 72 premiers octets comme bcrypt, ou qui ignore la casse, les accepte ;
  #   un second compte (ses propres essais avant blocage) essaie les « € » remplacés par « ? » ou
  #   retirés : une connexion qui encode le mot de passe en Latin-1 les confond ;
  # - deux assurés d'un même foyer partagent une adresse : seul le compte de celui qui a fait la
  #   demande change ; c'est le compte créé en second qui change (une cible qui retrouve le
  #   compte par l'adresse tombe sur le premier).

  Contexte:
    Étant donné un assuré dont le compte ameli a une adresse mail validée

  @E6-CONFIRMATION
  Scénario: Le nouveau mot de passe est enregistré
    Étant donné que j'ai demandé le renouvellement de mon mot de passe
    Et que j'ai cliqué dans le mail sur « Renouveler mon mot de passe »
    Quand je saisis un nouveau mot de passe conforme et je le confirme
    Et je clique sur « Valider le nouveau mot de passe »
    Alors la page confirme que mon nouveau mot de passe est enregistré

  @E6-MAIL-NOTIFICATION
  Scénario: Un mail notifie le changement qui vient d'avoir lieu, avec sa date et son heure
    Étant donné que j'ai enregistré un nouveau mot de passe
    Quand j'ouvre le mail qui notifie le changement de mot de passe
    Alors le mail indique la date et l'heure du changement, en heure de Paris
    Et le mail ne contient ni mon mot de passe ni lien de renouvellement

  @E6-MAIL-NOTIFICATION
  Plan du scénario: Le mail donne la date et l'heure du changement, pas celles de la demande ni de l'ouverture du lien
    Étant donné que nous sommes le <jour> à <heure>, heure de Paris
    Et que j'ai demandé le renouvellement de mon mot de passe
    Et que 12 minutes se sont écoulées depuis ma demande
    Et que j'ai cliqué dans le mail sur « Renouveler mon mot de passe »
    Et que 21 minutes se sont écoulées depuis ma demande
    Quand je saisis un nouveau mot de passe conforme et je le confirme
    Et je clique sur « Valider le nouveau mot de passe »
    Alors la page confirme que mon nouveau mot de passe est enregistré
    Quand j'ouvre le mail qui notifie le changement de mot de passe
    Alors le mail indique la date et l'heure du changement, en heure de Paris
    Et le mail ne contient ni mon mot de passe ni lien de renouvellement

    Exemples:
      | jour       | heure |
      | 14/07/2023 | 10h05 |
      | 15/01/2024 | 23h20 |
      | 29/02/2024 | 23h50 |

  @E6-MAIL-NOTIFICATION
  Scénario: Seul un changement enregistré est notifié, et une seule fois
    Étant donné que j'ai demandé le renouvellement de mon mot de passe
    Et que j'ai cliqué dans le mail sur « Renouveler mon mot de passe »
    Quand je saisis un mot de passe conforme et une confirmation différente
    Et je clique sur « Valider le nouveau mot de passe »
    Alors aucun mail ne notifie de changement
    Quand je saisis un nouveau mot de passe conforme et je le confirme
    Et je clique sur « Valider le nouveau mot de passe »
    Alors la page confirme que mon nouveau mot de passe est enregistré
    Et je reçois un seul mail qui notifie le changement

  @E6-CONNEXION
  Scénario: Le nouveau mot de passe ouvre le compte, l'ancien non
    Étant donné que j'ai enregistré un nouveau mot de passe
    Quand je me connecte avec mon ancien mot de passe
    Alors la connexion est refusée
    Quand je me connecte avec mon nouveau mot de passe
    Alors je suis connecté à mon compte ameli
    Quand je me connecte avec mon nouveau mot de passe depuis un autre navigateur, mon numéro saisi avec les espaces de ma carte Vitale
    Alors je suis connecté à mon compte ameli

  @E6-CONNEXION
  Scénario: Après deux changements, seul le dernier mot de passe ouvre le compte
    Étant donné que j'ai enregistré un nouveau mot de passe
    Et que j'ai enregistré un autre nouveau mot de passe
    Alors chacun de mes anciens mots de passe est refusé
    Quand je me connecte avec mon nouveau mot de passe depuis un autre navigateur
    Alors je suis connecté à mon compte ameli

  @E6-CONNEXION
  Scénario: Seul le mot de passe exact ouvre le compte, même long et plein de « € »
    Étant donné que j'ai demandé le renouvellement de mon mot de passe
    Et que j'ai cliqué dans le mail sur « Renouveler mon mot de passe »
    Quand je choisis un mot de passe conforme de 50 caractères dont 30 « € »
    Et je clique sur « Valider le nouveau mot de passe »
    Alors la page confirme que mon nouveau mot de passe est enregistré
    Et ce mot de passe ouvre mon compte
    Et ces mots de passe presque identiques au mien n'ouvrent pas mon compte :
      | mot de passe presque identique      |
      | le dernier caractère changé         |
      | majuscules et minuscules inversées  |
      | sans le dernier caractère           |
      | avec un caractère de plus à la fin  |

  @E6-CONNEXION
  Scénario: Un mot de passe avec des « € » n'est pas confondu avec le même sans eux, ni avec « ? » à leur place
    Étant donné que j'ai demandé le renouvellement de mon mot de passe
    Et que j'ai cliqué dans le mail sur « Renouveler mon mot de passe »
    Quand je choisis un mot de passe conforme de 20 caractères dont 6 « € »
    Et je clique sur « Valider le nouveau mot de passe »
    Alors la page confirme que mon nouveau mot de passe est enregistré
    Et ce mot de passe ouvre mon compte
    Et ces mots de passe presque identiques au mien n'ouvrent pas mon compte :
      | mot de passe presque identique |
      | les « € » remplacés par « ? »  |
      | sans ses « € »                 |

  @E6-CONNEXION
  Scénario: Deux assurés partagent une adresse mail : seul le compte de celui qui a fait la demande change
    Étant donné un autre assuré dont le compte ameli a la même adresse mail validée que le mien
    Quand l'autre assuré renouvelle son mot de passe avec le mail reçu à notre adresse
    Alors le nouveau mot de passe de l'autre assuré ouvre son compte, depuis un autre navigateur
    Et mon mot de passe ouvre toujours mon compte, depuis un autre navigateur
    Et le nouveau mot de passe de l'autre assuré n'ouvre pas mon compte
